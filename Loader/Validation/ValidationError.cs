namespace CafeMenu.Loader.Validation;

/// <summary>One problem in the input, located by file and line; <see cref="Attribute"/> names the attribute when there is one.</summary>
internal sealed record ValidationError(string File, int Line, string? Attribute, string Reason)
{
    public override string ToString() => Attribute is null ? $"{File}:{Line}: {Reason}" : $"{File}:{Line}: {Attribute}: {Reason}";
}
