/**
 * Why a command is refused, as the aggregates and their policies say it: plain exceptions with no
 * HTTP in them; {@code web.ProblemAdvice} turns each into its problem+json answer. Also the value
 * rules the request records share ({@code @HttpUrl}), and the identifiers the service makes
 * ({@link io.badges.command.domain.TimeOrderedIds}).
 */
package io.badges.command.domain;
