using CafeMenu.Menu;

namespace CafeMenu.TestSupport;

/// <summary>
/// Product names that are easy to address wrongly: encodings of one another, dot segments, URL delimiters, scripts and
/// directions, and the longest names in single-byte, two-byte and surrogate-pair characters. Every one is canonical.
/// </summary>
public static class AddressNames
{
    public static IReadOnlyList<string> All { get; } =
    [
        "A/B", "A%2FB", "A%252FB", ".", "..", "a b", "x?y", "x#y", "x+y", "50% off", "C:\\temp", "<b>", "Ünïcödé", "日本茶",
        "☕🍰", "قهوة عربية", new string('a', ProductName.MaxLength), new string('é', ProductName.MaxLength),
        string.Concat(Enumerable.Repeat("😀", ProductName.MaxLength / 2)),
    ];
}
