using System.Text.Json.Serialization;

namespace CafeMenu.Loader.Resume;

/// <summary>Source-generated JSON of <see cref="PriorRun"/> (the published Loader is compiled ahead of time): snake_case like the report.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PriorRun))]
internal sealed partial class ResumeJsonContext : JsonSerializerContext;
