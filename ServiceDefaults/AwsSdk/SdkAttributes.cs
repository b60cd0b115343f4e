using Amazon.Runtime.Telemetry;

namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>Converts the SDK's attributes to tags, renaming the pre-1.0 HTTP semantic-convention names the SDK still uses.</summary>
internal static class SdkAttributes
{
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["http.method"] = "http.request.method",
        ["http.status_code"] = "http.response.status_code",
        ["http.request_content_length"] = "http.request.body.size",
        ["http.response_content_length"] = "http.response.body.size",
    };

    public static string CurrentName(string key) => Renamed.GetValueOrDefault(key, key);

    public static IEnumerable<KeyValuePair<string, object?>> ToTags(Attributes? attributes) =>
        attributes is null
            ? []
            : attributes.AllAttributes.Select(a => new KeyValuePair<string, object?>(CurrentName(a.Key), a.Value));
}
