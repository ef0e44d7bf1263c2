/**
 * Why a command is refused, as the aggregates and their policies say it: plain exceptions with no
 * HTTP in them; {@code web.ProblemAdvice} turns each into its problem+json answer.
 */
package io.badges.command.domain;
