package io.badges.query.http;

import java.util.List;

/** A feature's public reads by id that the hot path may answer ({@link HotReadFilter}). */
public interface HotReads {

    List<HotRead> hotReads();
}
