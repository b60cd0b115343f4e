namespace CafeMenu.Dashboard.Telemetry;

/// <summary>
/// Keeps the newest <c>capacity</c> items and counts the ones pushed out. Not thread-safe: the store locks around it.
/// Hand-written: no served collection keeps the newest N items while allowing ordered snapshot reads.
/// </summary>
internal sealed class BoundedBuffer<T>(int capacity)
{
    private readonly T[] _items = new T[Math.Max(1, capacity)];
    private int _start;

    public int Count { get; private set; }

    public long Dropped { get; private set; }

    public int Capacity => _items.Length;

    /// <summary>Adds an item; returns the item it pushed out, if any.</summary>
    public bool Add(T item, out T? evicted)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
            evicted = default;
            return false;
        }

        evicted = _items[_start];
        _items[_start] = item;
        _start = (_start + 1) % _items.Length;
        Dropped++;
        return true;
    }

    public List<T> ToList()
    {
        var list = new List<T>(Count);
        for (var i = 0; i < Count; i++) list.Add(_items[(_start + i) % _items.Length]);
        return list;
    }
}
