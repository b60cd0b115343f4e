using System.Net;
using Amazon.Runtime;

namespace CafeMenu.Loader.Writing;

/// <summary>
/// Ends the retries of one request that DynamoDB keeps answering with a server error: HTTP 500 for a request that holds an
/// item DynamoDB cannot process (DynamoDB Local does this for attribute names over 50,000 bytes) repeats forever, while a
/// real outage or a lost answer passes. <see cref="FailureIsolation"/> then splits the request.
/// </summary>
internal sealed class ServerErrorStreak(int limit, TimeProvider time)
{
    private int _count;
    private long _first;

    /// <summary>Counts a server error; returns the exception that ends the retries once <c>limit</c> of them came in a row.</summary>
    public RepeatedServerErrorException? Add(AmazonServiceException e)
    {
        if (_count++ == 0) _first = time.GetTimestamp();
        return _count >= limit ? new RepeatedServerErrorException(e, _count, _first) : null;
    }

    /// <summary>The request made progress (DynamoDB took some of its items): what fails next is a new story.</summary>
    public void Reset() => _count = 0;

    public static bool IsServerError(Exception e) => e is AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError };
}

/// <summary>DynamoDB answered the same request with a server error <paramref name="times"/> times in a row.</summary>
internal sealed class RepeatedServerErrorException(AmazonServiceException last, int times, long firstAt)
    : Exception($"DynamoDB answered HTTP {(int)last.StatusCode} {times} times in a row ({last.ErrorCode}: {last.Message})", last)
{
    /// <summary>When the first of them came (a <see cref="TimeProvider"/> timestamp).</summary>
    public long FirstAt { get; } = firstAt;
}
