namespace CafeMenu.Hosting;

/// <summary>A problem the user can fix (missing tool, data folder in use, project not built): shown as one line, no stack trace.</summary>
public sealed class DistributedApplicationException(string message) : Exception(message);
