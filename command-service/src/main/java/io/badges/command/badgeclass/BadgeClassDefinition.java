package io.badges.command.badgeclass;

import io.badges.events.badgeclass.Criteria;
import java.util.List;

/** What a badge class says about itself, validated at the edge. */
public record BadgeClassDefinition(String name, String description, String image, Criteria criteria,
                                   List<String> tags) {
}
