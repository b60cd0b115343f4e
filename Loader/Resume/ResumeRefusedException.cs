namespace CafeMenu.Loader.Resume;

/// <summary>A <c>--resume</c> that cannot be trusted: the message says why, the load exits 2 with nothing written.</summary>
internal sealed class ResumeRefusedException(string message) : Exception(message);
