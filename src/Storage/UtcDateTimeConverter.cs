using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Assembly.Storage;

/// <summary>Marks times read from the database as UTC, which is how they were written.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
