namespace CafeMenu.Hosting;

/// <summary>The resources added to a builder, in the order they were added.</summary>
internal sealed class AppModel(string repositoryRoot)
{
    private readonly List<Resource> _resources = [];

    public string RepositoryRoot { get; } = repositoryRoot;

    public IReadOnlyList<Resource> Resources => _resources;

    public static AppModel Of(IDistributedApplicationBuilder builder) => builder is DistributedApplicationBuilder own
        ? own.Model
        : throw new ArgumentException("Resources can only be added to the builder from DistributedApplication.CreateBuilder.", nameof(builder));

    public IResourceBuilder<T> Add<T>(T resource, IDistributedApplicationBuilder builder) where T : Resource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"A resource named '{resource.Name}' was already added.", nameof(resource));
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, builder);
    }
}
