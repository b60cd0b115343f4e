using CafeMenu.Menu;
using CafeMenu.Web.Client;

namespace CafeMenu.Web.Models;

/// <summary>
/// Incremental loading of the menu through the Api's cursors. Each "load more" reads pages until it has
/// <see cref="PageSize"/> more matches for the filter or the menu ends, and never more than <see cref="MaxPagesPerLoad"/> pages,
/// so no single step is unbounded.
/// </summary>
internal sealed class MenuBrowser(MenuApiClient api, MenuFilter filter)
{
    public const int PageSize = MenuApiClient.DefaultPageSize;
    public const int MaxPagesPerLoad = 8;

    private readonly List<MenuItem> _items = [];
    private string? _cursor;

    public MenuFilter Filter => filter;

    public IReadOnlyList<MenuItem> Items => _items;

    /// <summary>True until the Api has answered a page without <c>next_cursor</c>.</summary>
    public bool HasMore { get; private set; } = true;

    /// <summary>Items the Api returned that the text or tag filter left out (so the page can say how many were looked at).</summary>
    public int Scanned { get; private set; }

    /// <summary>The items grouped by product group (groups and items in name order); items without a group come last.</summary>
    public IEnumerable<IGrouping<string, MenuItem>> Groups => _items
        .OrderBy(i => i.ProductName, StringComparer.OrdinalIgnoreCase)
        .GroupBy(i => string.IsNullOrWhiteSpace(i.ProductGroup) ? "" : i.ProductGroup!, StringComparer.OrdinalIgnoreCase)
        .OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase);

    public MenuSnapshot ToSnapshot() => new(filter, [.. _items], _cursor, HasMore);

    /// <summary>Continues where a prerendered page stopped, without asking the Api again.</summary>
    public static MenuBrowser Restore(MenuApiClient api, MenuSnapshot snapshot)
    {
        var browser = new MenuBrowser(api, snapshot.Filter) { _cursor = snapshot.Cursor, HasMore = snapshot.HasMore };
        browser._items.AddRange(snapshot.Items);
        return browser;
    }

    public async Task LoadMoreAsync(CancellationToken cancellationToken)
    {
        var found = 0;
        for (var pages = 0; HasMore && found < PageSize && pages < MaxPagesPerLoad; pages++)
        {
            var page = await api.GetMenuAsync(PageSize, _cursor, filter.Group, cancellationToken);
            _cursor = page.NextCursor;
            HasMore = page.NextCursor is not null;
            foreach (var item in page.Items)
            {
                Scanned++;
                if (!filter.Matches(item) || _items.Any(i => i.ProductName == item.ProductName)) continue;
                _items.Add(item);
                found++;
            }
        }
    }

    /// <summary>Applies a change made on this page (toggle special, edit) without reloading everything.</summary>
    public void Replace(MenuItem item)
    {
        var index = _items.FindIndex(i => i.ProductName == item.ProductName);
        if (index >= 0) _items[index] = item;
    }

    public void Remove(string productName) => _items.RemoveAll(i => i.ProductName == productName);
}
