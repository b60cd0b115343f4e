using CafeMenu.Menu;

namespace CafeMenu.Web.Client;

internal enum ApiOutcome
{
    /// <summary>200, 201 or 204.</summary>
    Success,

    /// <summary>404: the product does not exist (any more).</summary>
    NotFound,

    /// <summary>409 on create: a product with this name already exists.</summary>
    Duplicate,

    /// <summary>412: the product was changed since its ETag was read.</summary>
    Conflict,

    /// <summary>400 (or another 4xx): see <see cref="ApiResult.Problem"/>.</summary>
    Rejected,
}

/// <summary>The answer to a write or a single read: outcome, the item and its ETag when there is one, or the problem.</summary>
internal sealed record ApiResult(ApiOutcome Outcome, MenuItem? Item = null, string? ETag = null, ApiProblem? Problem = null)
{
    public bool IsSuccess => Outcome == ApiOutcome.Success;
}
