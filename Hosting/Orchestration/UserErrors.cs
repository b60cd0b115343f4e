using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace CafeMenu.Hosting;

/// <summary>Recognises failures the user fixes (not bugs), so they are shown as one line instead of a stack trace.</summary>
internal static class UserErrors
{
    public static string? Describe(Exception exception)
    {
        if (exception is DistributedApplicationException) return exception.Message;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException || e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                // Kestrel's message names the address ("Failed to bind to address http://127.0.0.1:18888: address already in use.").
                var what = exception is IOException ? exception.Message : e.Message;
                return $"{what.TrimEnd('.')}. Another AppHost may be running: stop it, or choose free ports with "
                    + "--Dashboard:Port=0 --Dashboard:OtlpGrpcPort=0 --Dashboard:OtlpHttpPort=0.";
            }
        }

        return null;
    }
}
