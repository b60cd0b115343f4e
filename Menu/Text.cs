namespace CafeMenu.Menu;

/// <summary>Checks on text fields shared by the name rule and the other fields' rules.</summary>
internal static class Text
{
    /// <summary>A surrogate that is not half of a pair: not Unicode, and DynamoDB would store replacement bytes instead.</summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return true;
        }

        return false;
    }
}
