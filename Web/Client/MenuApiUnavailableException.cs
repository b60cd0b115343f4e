namespace CafeMenu.Web.Client;

/// <summary>The Api could not be reached or answered 5xx (after the resilience handler's retries): show "try again", not an error page.</summary>
public sealed class MenuApiUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
