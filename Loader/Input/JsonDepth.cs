using System.Text.Json;
using CafeMenu.Loader.Validation;

namespace CafeMenu.Loader.Input;

/// <summary>How deep the JSON readers go: deep enough for every item DynamoDB takes, in DynamoDB JSON too.</summary>
internal static class JsonDepth
{
    /// <summary>
    /// DynamoDB JSON spends two JSON levels on each list or map (<c>{"L": [</c>), so DynamoDB's 31 nested containers take
    /// 62 levels, plus the innermost value's descriptor, the item's map, the <c>{"Item": ...}</c> wrapper and an enclosing
    /// array: 66, past System.Text.Json's default of 64 (an export of such items did not load back). The reader takes one
    /// container more (68), so an item nested 32 deep is read and refused by name, not reported as unreadable JSON.
    /// </summary>
    public const int Max = 2 * (ValueRules.MaxNestedContainers + 1) + 4;

    public static readonly JsonDocumentOptions Document = new() { MaxDepth = Max };
}
