namespace CafeMenu.Hosting;

/// <summary>A named part of the distributed application (a project, an executable, DynamoDB Local).</summary>
public interface IResource
{
    string Name { get; }
}

/// <summary>What <c>builder.AddXxx(...)</c> returns: the resource, for the fluent <c>WithXxx</c>/<c>WaitFor</c> calls.</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    T Resource { get; }

    IDistributedApplicationBuilder ApplicationBuilder { get; }
}

internal sealed class ResourceBuilder<T>(T resource, IDistributedApplicationBuilder applicationBuilder) : IResourceBuilder<T>
    where T : IResource
{
    public T Resource { get; } = resource;

    public IDistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;
}
