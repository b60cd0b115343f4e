namespace CafeMenu.Menu;

/// <summary>The name the counter calls out: 1 to <see cref="MaxLength"/> characters once trimmed, no control characters, valid Unicode.</summary>
public static class PickupName
{
    public const int MaxLength = 50;

    /// <summary>Every rule the (already trimmed) name breaks; empty when it is valid.</summary>
    public static IEnumerable<string> Problems(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            yield return "pickup_name is required and must not be blank.";
            yield break;
        }

        if (name.Length > MaxLength) yield return $"pickup_name must be at most {MaxLength} characters (got {name.Length:N0}).";
        // Control characters (newlines, escapes, NUL) would break the call-out board and the logs.
        if (name.Any(char.IsControl)) yield return "pickup_name must not contain control characters.";
        if (Text.HasLoneSurrogate(name)) yield return "pickup_name must be valid Unicode text.";
    }
}
