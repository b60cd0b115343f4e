using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Api.Telemetry;
using CafeMenu.Menu;
using Microsoft.Extensions.Options;
using A = CafeMenu.Menu.MenuTable.Attributes;

namespace CafeMenu.Api.Data;

/// <summary>The menu table through <see cref="IAmazonDynamoDB"/>: conditional writes, consistent reads, paged listings.</summary>
internal sealed class MenuRepository(
    IAmazonDynamoDB dynamo, IOptions<MenuApiOptions> options, TimeProvider time, ApiTelemetry telemetry, ILogger<MenuRepository> logger)
{
    /// <summary>The most items one page may ask for, and the page size of filtered reads.</summary>
    public const int MaxPageSize = 100;

    public static readonly Listing AllItems = new("menu", [A.ProductName]);
    public static readonly Listing Specials = new("specials", [A.Special, A.ProductName]);

    public static Listing Group(string group) => new($"menu-group:{group}", [A.ProductName]);

    private string Table => options.Value.TableName;

    public async Task<MenuItem?> GetAsync(string productName, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = MenuItemMapper.Key(productName),
            // Strongly consistent, so an ETag read right after a write is the one a PATCH must name.
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? Map(item) : null;
    }

    /// <summary>A Scan of the table, optionally with a filter on <c>product_group</c>.</summary>
    public Task<MenuItemsPage> ListAsync(string? group, int limit, Dictionary<string, AttributeValue>? start, CancellationToken cancellationToken) =>
        ReadPagesAsync("menu.list", limit, filtered: group is not null, start, TableKey, async (startKey, pageSize, ct) =>
        {
            var request = new ScanRequest { TableName = Table, Limit = pageSize, ExclusiveStartKey = startKey };
            if (group is not null)
            {
                request.FilterExpression = "#group = :group";
                request.ExpressionAttributeNames = new() { ["#group"] = A.ProductGroup };
                request.ExpressionAttributeValues = new() { [":group"] = new AttributeValue { S = group } };
            }

            var response = await dynamo.ScanAsync(request, ct);
            return (response.Items, response.LastEvaluatedKey);
        }, cancellationToken);

    /// <summary>A Query on the sparse <c>special_GSI</c> (special = 1) leaving out items tagged out of stock. Never a Scan.</summary>
    public Task<MenuItemsPage> ListSpecialsAsync(int limit, Dictionary<string, AttributeValue>? start, CancellationToken cancellationToken) =>
        ReadPagesAsync("menu.specials", limit, filtered: true, start, SpecialIndexKey, async (startKey, pageSize, ct) =>
        {
            var response = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = Table,
                IndexName = MenuTable.SpecialIndex,
                KeyConditionExpression = "#special = :on",
                FilterExpression = "NOT contains(#tags, :out_of_stock)",
                ExpressionAttributeNames = new() { ["#special"] = A.Special, ["#tags"] = A.Tags },
                ExpressionAttributeValues = new()
                {
                    [":on"] = new AttributeValue { N = MenuTable.SpecialOn },
                    [":out_of_stock"] = new AttributeValue { S = MenuTable.OutOfStockTag },
                },
                Limit = pageSize,
                ExclusiveStartKey = startKey,
            }, ct);
            return (response.Items, response.LastEvaluatedKey);
        }, cancellationToken);

    /// <summary>PutItem with <c>attribute_not_exists(product_name)</c>; on conflict the existing item comes back (ALL_OLD).</summary>
    public async Task<WriteResult> CreateAsync(MenuItem item, CancellationToken cancellationToken)
    {
        var created = NewVersion(item);
        try
        {
            await dynamo.PutItemAsync(CreatePut(created).ToPutItemRequest(), cancellationToken);
            return new(WriteStatus.Done, Normalize(created));
        }
        catch (ConditionalCheckFailedException e)
        {
            var existing = e.Item is { Count: > 0 } old ? Map(old) : await GetAsync(item.ProductName, cancellationToken);
            if (IsOwnWrite(existing, created.UpdatedAt) && SameContent(existing!, created))
            {
                // The SDK retried after a timeout although the first attempt had been written: that item is ours.
                return new(WriteStatus.Done, existing);
            }

            Activity.Current?.AddEvent(new ActivityEvent("cafemenu.item_exists"));
            return new(WriteStatus.Conflict, existing);
        }
    }

    /// <summary>All or nothing: one TransactWriteItems of conditional puts. Items that exist are named from the cancellation reasons.</summary>
    public async Task<BatchResult> CreateBatchAsync(IReadOnlyList<MenuItem> items, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var created = items.Select(i => i with { Version = 1, UpdatedAt = now }).ToList();
        try
        {
            await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                // One token for every attempt: a retry of a transaction that was already applied succeeds instead of failing its conditions.
                ClientRequestToken = Guid.NewGuid().ToString("N"),
                TransactItems = created.Select(i => new TransactWriteItem { Put = CreatePut(i).ToPut() }).ToList(),
            }, cancellationToken);
            return new(created.Select(Normalize).ToList(), []);
        }
        catch (TransactionCanceledException e) when (e.CancellationReasons?.Any(r => r.Code == "ConditionalCheckFailed") == true)
        {
            Activity.Current?.AddEvent(new ActivityEvent("cafemenu.items_exist"));
            var existing = e.CancellationReasons
                .Select((reason, position) => (reason, position))
                .Where(r => r.reason.Code == "ConditionalCheckFailed")
                .Select(r => new ExistingItem(r.position, items[r.position].ProductName, r.reason.Item is { Count: > 0 } old ? Map(old) : null))
                .ToList();
            return new([], existing);
        }
    }

    /// <summary>One UpdateItem built from the fields present; every attribute goes through ExpressionAttributeNames.</summary>
    public async Task<WriteResult> UpdateAsync(string productName, MenuItemPatch patch, VersionCondition condition, CancellationToken cancellationToken)
    {
        var update = new UpdateBuilder(time.GetUtcNow());
        if (patch.Price is { } price) update.Set(A.Price, MenuItemMapper.Number(price));
        if (patch.Description is "") update.Remove(A.Description);
        else if (patch.Description is { } description) update.Set(A.Description, new AttributeValue { S = description });
        if (patch.ProductGroup is { } group) update.Set(A.ProductGroup, new AttributeValue { S = group });
        if (patch.Tags is { } tags) update.Set(A.Tags, new AttributeValue { L = tags.Select(t => new AttributeValue { S = t }).ToList() });
        return await UpdateAsync(productName, update, condition, null, cancellationToken);
    }

    /// <summary>
    /// SET special = 1 or REMOVE special (so the index stays sparse), under If-Match's versions when given. A call that
    /// changes nothing returns the item as it is; a version that does not match is a conflict (412), as for any write.
    /// </summary>
    public async Task<WriteResult> SetSpecialAsync(string productName, bool special, VersionCondition condition, CancellationToken cancellationToken)
    {
        var update = new UpdateBuilder(time.GetUtcNow());
        string state;
        if (special)
        {
            update.Set(A.Special, new AttributeValue { N = MenuTable.SpecialOn });
            state = "(attribute_not_exists(#special) OR #special <> :special)";
        }
        else
        {
            update.Remove(A.Special);
            state = "attribute_exists(#special)";
        }

        var result = await UpdateAsync(productName, update, condition, state, cancellationToken);
        // The condition failed: on the version (a conflict), or because the item is already in the asked state (idempotent, nothing written).
        return result.Status == WriteStatus.Conflict && condition.Allows(result.Item!.Version) ? result with { Status = WriteStatus.Done } : result;
    }

    public async Task<WriteResult> DeleteAsync(string productName, VersionCondition condition, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string> { ["#pk"] = A.ProductName };
        var values = new Dictionary<string, AttributeValue>();
        var versionClause = UpdateBuilder.VersionClause(condition, names, values);
        try
        {
            await dynamo.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = Table,
                Key = MenuItemMapper.Key(productName),
                ConditionExpression = versionClause is null ? "attribute_exists(#pk)" : $"attribute_exists(#pk) AND {versionClause}",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values.Count > 0 ? values : null,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken);
            return new(WriteStatus.Done);
        }
        catch (ConditionalCheckFailedException e)
        {
            return e.Item is { Count: > 0 } old ? new(WriteStatus.Conflict, Map(old)) : new(WriteStatus.NotFound);
        }
    }

    private async Task<WriteResult> UpdateAsync(
        string productName, UpdateBuilder update, VersionCondition condition, string? stateCondition, CancellationToken cancellationToken)
    {
        // A change to an item the Api cannot represent (a price of 1E+100 written by another tool) would be written and
        // then answered 422, as the new item cannot be shown: a refusal that changed the table. The item is read first,
        // and a change that would leave it unrepresentable is refused with nothing written; a PATCH of the price that
        // makes it representable, the documented fix, goes ahead. The Api never writes such values itself, so only
        // another tool writing in the moment between this read and the write below could slip past.
        var stored = await dynamo.GetItemAsync(new GetItemRequest { TableName = Table, Key = MenuItemMapper.Key(productName), ConsistentRead = true }, cancellationToken);
        if (stored.Item is not { Count: > 0 } current) return new(WriteStatus.NotFound);
        // The read also settles a version If-Match does not name (among them a list of tags that are no version of ours,
        // which no condition could express): 412 with no write tried. The write's own condition still decides a race.
        if (!HasVersion(current, condition)) return new(WriteStatus.Conflict, Map(current));
        if (!MenuItemMapper.TryFromAttributes(update.AppliedOn(current), out _, out var problem)) throw new UnrepresentableItemException(productName, problem);

        var version = update.VersionCondition(condition);
        var extraCondition = version is null ? stateCondition : stateCondition is null ? version : $"{version} AND {stateCondition}";

        try
        {
            var response = await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Table,
                Key = MenuItemMapper.Key(productName),
                UpdateExpression = update.Expression,
                ConditionExpression = extraCondition is null ? "attribute_exists(#pk)" : $"attribute_exists(#pk) AND {extraCondition}",
                ExpressionAttributeNames = update.Names,
                ExpressionAttributeValues = update.Values,
                ReturnValues = ReturnValue.ALL_NEW,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken);
            return new(WriteStatus.Done, Map(response.Attributes));
        }
        catch (ConditionalCheckFailedException e)
        {
            // No old item: the product does not exist. Otherwise the extra condition (version, special state) failed,
            // unless the item holds exactly this update, timestamp included: the SDK retried an attempt that had been
            // applied. The timestamp alone is not enough: two PATCHes with one ETag were seen sharing a clock tick, and
            // the loser answered 200 for the winner's write.
            if (e.Item is not { Count: > 0 } old) return new(WriteStatus.NotFound);
            return new(update.AppliedTo(old) ? WriteStatus.Done : WriteStatus.Conflict, Map(old));
        }
    }

    /// <summary>
    /// Every stored name that breaks <see cref="ProductName"/>'s rule, with the rules it breaks: a Scan of the keys only,
    /// for the maintenance route. Such items are never rewritten by the Api; docs/api.md says what to do with them.
    /// </summary>
    public async Task<IReadOnlyList<NoncanonicalName>> ListNoncanonicalNamesAsync(CancellationToken cancellationToken)
    {
        var found = new List<NoncanonicalName>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.ScanAsync(new ScanRequest
            {
                TableName = Table,
                ProjectionExpression = "#pk",
                ExpressionAttributeNames = new() { ["#pk"] = A.ProductName },
                ExclusiveStartKey = start,
            }, cancellationToken);
            foreach (var item in page.Items ?? [])
            {
                var name = NameOf(item);
                if (ProductName.Problems(name).ToList() is { Count: > 0 } problems) found.Add(new NoncanonicalName(name, problems));
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return found;
    }

    private delegate Task<(List<Dictionary<string, AttributeValue>>? Items, Dictionary<string, AttributeValue>? LastKey)> PageReader(
        Dictionary<string, AttributeValue>? start, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Reads pages until <paramref name="limit"/> items are collected or the listing ends, following LastEvaluatedKey: a
    /// filtered page can come back empty while more items follow. Without a filter, asking for exactly the missing count
    /// makes DynamoDB's own LastEvaluatedKey the resume point. With one, DynamoDB's Limit counts items before filtering, so
    /// pages are read full and, when the limit is reached inside a page, the last returned item's key is the resume point
    /// (a valid ExclusiveStartKey, as the index projects every key attribute).
    /// </summary>
    private async Task<MenuItemsPage> ReadPagesAsync(
        string operation, int limit, bool filtered, Dictionary<string, AttributeValue>? start,
        Func<Dictionary<string, AttributeValue>, Dictionary<string, AttributeValue>> keyOf, PageReader readPage, CancellationToken cancellationToken)
    {
        using var activity = ApiTelemetry.Source.StartActivity(operation);
        var items = new List<MenuItem>(limit);
        var pages = 0;
        Dictionary<string, AttributeValue>? next = null;
        while (true)
        {
            var (page, lastKey) = await readPage(start, filtered ? MaxPageSize : limit - items.Count, cancellationToken);
            pages++;
            lastKey = lastKey is { Count: > 0 } ? lastKey : null;
            // One stored item the Api cannot represent must not take the listing down: it is left out, logged and counted.
            var usable = (page ?? []).Select(raw => (raw, item: TryMap(raw, operation))).Where(x => x.item is not null).ToList();
            var taken = Math.Min(usable.Count, limit - items.Count);
            items.AddRange(usable.Take(taken).Select(x => x.item!));
            if (items.Count == limit)
            {
                next = taken == usable.Count ? lastKey : keyOf(usable[taken - 1].raw);
                break;
            }

            if (lastKey is null) break;
            start = lastKey;
        }

        activity?.SetTag("cafemenu.pages_read", pages);
        activity?.SetTag("cafemenu.items_returned", items.Count);
        return new(items, next);
    }

    /// <summary>Whether the stored version is one <paramref name="condition"/> allows, compared as the write's condition compares it (absent counts as 0).</summary>
    private static bool HasVersion(Dictionary<string, AttributeValue> item, VersionCondition condition) =>
        condition.AnyVersion || (item.TryGetValue(A.Version, out var stored)
            ? condition.Versions.Any(v => StoredValue.Same(stored, MenuItemMapper.Number(v)))
            : condition.Versions.Contains(0));

    /// <summary>updated_at is written with 100 ns precision by this process, so an item that carries ours was written by this call.</summary>
    private static bool IsOwnWrite(MenuItem? current, DateTimeOffset? writtenAt) =>
        current?.UpdatedAt is { } at && writtenAt is { } ours && at == ours;

    private static bool SameContent(MenuItem a, MenuItem b) =>
        a.Price == b.Price && a.Description == b.Description && a.ProductGroup == b.ProductGroup
        && a.Special == b.Special && a.ProductId == b.ProductId && a.Tags.SequenceEqual(b.Tags);

    private static Dictionary<string, AttributeValue> TableKey(Dictionary<string, AttributeValue> item) =>
        new() { [A.ProductName] = item[A.ProductName] };

    private static Dictionary<string, AttributeValue> SpecialIndexKey(Dictionary<string, AttributeValue> item) =>
        new() { [A.Special] = item[A.Special], [A.ProductName] = item[A.ProductName] };

    private MenuItem NewVersion(MenuItem item) => item with { Version = 1, UpdatedAt = time.GetUtcNow() };

    private ConditionalPut CreatePut(MenuItem item) => new(Table, MenuItemMapper.ToAttributes(item));

    /// <summary>The stored item, or <see cref="UnrepresentableItemException"/> (a 422) when the Api cannot represent it.</summary>
    private static MenuItem Map(Dictionary<string, AttributeValue> attributes) =>
        MenuItemMapper.TryFromAttributes(attributes, out var item, out var problem)
            ? Normalize(item)
            : throw new UnrepresentableItemException(NameOf(attributes), problem);

    private MenuItem? TryMap(Dictionary<string, AttributeValue> attributes, string operation)
    {
        if (MenuItemMapper.TryFromAttributes(attributes, out var item, out var problem)) return Normalize(item);
        telemetry.Unrepresentable(operation);
        Log.UnrepresentableItem(logger, NameOf(attributes), operation, problem);
        return null;
    }

    private static string NameOf(Dictionary<string, AttributeValue> attributes) =>
        attributes.TryGetValue(A.ProductName, out var name) && name.S is { } text ? text : "(no product_name)";

    // DynamoDB drops trailing zeros (0.10 comes back as 0.1); adding 0.00m restores two decimal places without
    // changing the value, because a decimal sum keeps the larger scale of its operands.
    private static MenuItem Normalize(MenuItem item) => item with { Price = item.Price + 0.00m };

    /// <summary>A put that only succeeds when no item has the key, returning the existing item when one has.</summary>
    private sealed record ConditionalPut(string Table, Dictionary<string, AttributeValue> Item)
    {
        private const string Condition = "attribute_not_exists(#pk)";

        public PutItemRequest ToPutItemRequest() => new()
        {
            TableName = Table,
            Item = Item,
            ConditionExpression = Condition,
            ExpressionAttributeNames = new() { ["#pk"] = A.ProductName },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };

        public Put ToPut() => new()
        {
            TableName = Table,
            Item = Item,
            ConditionExpression = Condition,
            ExpressionAttributeNames = new() { ["#pk"] = A.ProductName },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
    }
}
