using CafeMenu.Loader.Resume;

namespace CafeMenu.Loader.Tests;

/// <summary>The compact record of confirmed items: runs of ordinals that read back into the same set, and refusal of runs the input cannot hold.</summary>
public class ConfirmedRecordsTests
{
    [Fact]
    public void Confirmed_ordinals_written_as_runs_read_back_into_the_same_set()
    {
        var random = new Random(7);
        var ordinals = Enumerable.Range(0, 5_000).Where(_ => random.NextDouble() < 0.9).ToList();
        var confirmed = new ConfirmedRecords([5_000, 3]);
        foreach (var ordinal in ordinals) confirmed.Add(0, ordinal);
        confirmed.Add(1, 2);

        var copy = new ConfirmedRecords([5_000, 3]);
        Assert.True(copy.TryAddRuns(0, confirmed.Runs(0)));
        Assert.True(copy.TryAddRuns(1, confirmed.Runs(1)));

        Assert.Equal(ordinals.Count + 1, copy.Count);
        Assert.All(Enumerable.Range(0, 5_000), i => Assert.Equal(ordinals.Contains(i), copy.Contains(0, i)));
        Assert.Equal("2", copy.Runs(1));
        Assert.Equal("3-5 9", ConfirmedRecords.Runs([9, 5, 3, 4]));
    }

    [Theory]
    [InlineData(0, "0-10")] // past the file's last record
    [InlineData(0, "5-3")]
    [InlineData(0, "-1")]
    [InlineData(0, "a-b")]
    [InlineData(0, "1e3")]
    [InlineData(2, "0")] // no such file
    public void Runs_the_input_cannot_hold_are_refused(int file, string runs)
    {
        var confirmed = new ConfirmedRecords([10, 10]);

        Assert.False(confirmed.TryAddRuns(file, runs));
    }
}
