namespace CafeMenu.Loader.Writing;

internal enum WriteMode
{
    /// <summary>BatchWriteItem: an item with the same key is replaced.</summary>
    Upsert,

    /// <summary>
    /// TransactWriteItems of conditional puts (attribute_not_exists on the key): an item that exists is left as it is and
    /// counted as skipped.
    /// </summary>
    InsertOnly,
}
