using Aspire.Hosting;

namespace CafeMenu.Hosting.DynamoDBLocal;

/// <summary>
/// An exclusive lock on the DynamoDB Local data folder, so a second AppHost never runs a second DynamoDB Local on the
/// same files. The operating system releases it when the process dies, so a crash leaves no stale lock.
/// </summary>
internal sealed class DataFolderLock : IDisposable
{
    internal const string FileName = "apphost.lock";

    private readonly FileStream _stream;

    private DataFolderLock(FileStream stream) => _stream = stream;

    public static DataFolderLock Acquire(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        var path = Path.Combine(dataPath, FileName);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix and a sharing lock on Windows.
            return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new DistributedApplicationException(
                $"The DynamoDB data folder {dataPath} is in use by another AppHost; stop that one first, or start this one with --in-memory or --DynamoDB:DataPath <another folder>.");
        }
    }

    public void Dispose() => _stream.Dispose();
}
