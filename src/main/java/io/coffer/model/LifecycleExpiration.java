package io.coffer.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A rule's Expiration: exactly one of days, date or expiredObjectDeleteMarker.
 *
 * @param days days after an object's creation, or null
 * @param date the day (midnight UTC) from which matching objects expire, or null
 * @param expiredObjectDeleteMarker whether delete markers with no version left behind them go
 */
public record LifecycleExpiration(
    @Nullable Integer days, @Nullable LocalDate date, boolean expiredObjectDeleteMarker) {}
