using System.Globalization;

namespace CafeMenu.Dashboard.Components.Shared;

internal static class Formats
{
    public static string Time(DateTimeOffset value) => value.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset? value) =>
        value is { } v ? v.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    public static string Duration(TimeSpan value) => value.TotalMilliseconds switch
    {
        < 1 => $"{value.TotalMicroseconds.ToString("0", CultureInfo.InvariantCulture)} µs",
        < 1000 => $"{value.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture)} ms",
        _ => $"{value.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s",
    };

    public static string ShortId(string id) => id.Length > 7 ? id[..7] : id;
}
