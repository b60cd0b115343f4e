using CafeMenu.Loader.Input;

namespace CafeMenu.Loader.Resume;

/// <summary>
/// What a resumed load needs to know of an earlier run: its table, mode, duplicate policy and input, and which records it
/// confirmed (runs of ordinals per file, as <see cref="ConfirmedRecords"/> writes them). The report holds it as fields; a
/// journal's first line holds it without <see cref="Confirmed"/>, which the journal's other lines carry.
/// </summary>
internal sealed record PriorRun
{
    public string? Outcome { get; init; }
    public string? Table { get; init; }
    public string? Mode { get; init; }
    public string? OnDuplicate { get; init; }
    public IReadOnlyList<InputIdentity>? Input { get; init; }
    public IReadOnlyList<string>? Confirmed { get; init; }
}
