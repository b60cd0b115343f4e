namespace CafeMenu.Loader.Writing;

/// <summary>When DynamoDB last accepted a write (or answered one with a verdict on the item): the load's sign of life.</summary>
internal sealed class WriteHeartbeat(TimeProvider time, TimeSpan giveUpAfter)
{
    private long _last = time.GetTimestamp();

    public TimeSpan GiveUpAfter => giveUpAfter;

    /// <summary>True once DynamoDB has accepted nothing for <see cref="GiveUpAfter"/>: it is down or refuses everything.</summary>
    public bool Stalled => time.GetElapsedTime(Volatile.Read(ref _last)) > giveUpAfter;

    /// <summary>True if DynamoDB accepted a write after <paramref name="timestamp"/> (a <see cref="TimeProvider"/> timestamp).</summary>
    public bool BeatSince(long timestamp) => Volatile.Read(ref _last) > timestamp;

    public void Beat() => Volatile.Write(ref _last, time.GetTimestamp());
}
