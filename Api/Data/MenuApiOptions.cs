using CafeMenu.Menu;

namespace CafeMenu.Api.Data;

/// <summary>Settings of section <c>Menu</c>.</summary>
internal sealed class MenuApiOptions
{
    public const string SectionName = "Menu";

    /// <summary>The DynamoDB table; tests use a fresh one per class.</summary>
    public string TableName { get; set; } = MenuTable.DefaultName;

    /// <summary>Create the table at start when it is missing (on by default in Development, so the Api also works alone).</summary>
    public bool? EnsureTable { get; set; }
}
