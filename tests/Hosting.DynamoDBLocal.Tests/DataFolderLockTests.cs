using Aspire.Hosting;


namespace CafeMenu.Hosting.DynamoDBLocal.Tests;

public sealed class DataFolderLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_second_holder_of_the_data_folder_is_refused_with_a_clear_message()
    {
        using var first = DataFolderLock.Acquire(_folder.Path);

        var error = Assert.Throws<DistributedApplicationException>(() => DataFolderLock.Acquire(_folder.Path));

        Assert.Contains("in use by another AppHost", error.Message);
        Assert.Contains("--in-memory", error.Message);
    }

    [Fact]
    public void The_lock_is_free_again_once_released()
    {
        DataFolderLock.Acquire(_folder.Path).Dispose();

        using var again = DataFolderLock.Acquire(_folder.Path);

        Assert.True(File.Exists(_folder.File(DataFolderLock.FileName)));
    }
}
