namespace CafeMenu.Menu;

/// <summary>How an error message quotes the value it refuses: whole when short, else its first 40 characters.</summary>
public static class EchoedText
{
    private const int MaxLength = 40;

    public static string Shorten(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "...";
}
