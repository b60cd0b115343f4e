namespace CafeMenu.Loader.Writing;

/// <summary>How many items one request carries, by mode and DynamoDB's request limits.</summary>
internal sealed record UnitLimits(int MaxItems, int MaxBytes)
{
    /// <summary>BatchWriteItem: 25 items; its 16 MB cannot be reached, as every item is under 400 KB.</summary>
    public static readonly UnitLimits Batch = new(25, int.MaxValue);

    /// <summary>TransactWriteItems: 100 actions and 4 MB of items (by DynamoDB's size rules, kept just under).</summary>
    public static readonly UnitLimits Transaction = new(100, 4_000_000);

    public static UnitLimits For(WriteMode mode) => mode == WriteMode.Upsert ? Batch : Transaction;
}
