using CafeMenu.Dashboard.Telemetry;

namespace CafeMenu.Dashboard.Components.Shared;

/// <summary>The structured-log filters: resource, minimum level, text in the message, an attribute, a trace.</summary>
internal sealed record LogFilter(string? Resource, LogLevelName MinLevel, string? Text, string? Attribute, string? TraceId)
{
    public bool Matches(LogEntry log) =>
        (string.IsNullOrEmpty(Resource) || log.Resource == Resource)
        && log.Level >= MinLevel
        && (string.IsNullOrEmpty(Text) || log.Message.Contains(Text, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(TraceId) || log.TraceId == TraceId)
        && MatchesAttribute(log);

    /// <summary>"key=value" matches that attribute's value (contains); a bare word matches any key or value.</summary>
    private bool MatchesAttribute(LogEntry log)
    {
        if (string.IsNullOrWhiteSpace(Attribute)) return true;
        var separator = Attribute.IndexOf('=');
        if (separator < 0)
        {
            return log.Attributes.Any(a => a.Key.Contains(Attribute, StringComparison.OrdinalIgnoreCase)
                || a.Value.Contains(Attribute, StringComparison.OrdinalIgnoreCase));
        }

        var key = Attribute[..separator].Trim();
        var value = Attribute[(separator + 1)..].Trim();
        return log.Attributes.Any(a => a.Key == key && a.Value.Contains(value, StringComparison.OrdinalIgnoreCase));
    }
}
