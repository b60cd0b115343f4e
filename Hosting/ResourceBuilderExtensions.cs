namespace CafeMenu.Hosting;

/// <summary>The app-model verbs of Aspire: add resources, wire them, say what each waits for.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Adds a project built with the AppHost (see the generated Projects.* classes).</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() => builder.AddProject(name, new TProject());

    internal static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, IProjectMetadata metadata)
    {
        var model = AppModel.Of(builder);
        var resource = new ProjectResource(name, metadata)
        {
            // Console programs get the repository root, so relative paths in their arguments resolve as typed.
            WorkingDirectory = metadata.IsWebProject ? metadata.ProjectDirectory : model.RepositoryRoot,
        };
        return model.Add(resource, builder);
    }

    /// <summary>Adds any program; <paramref name="workingDirectory"/> is relative to the repository root.</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(
        this IDistributedApplicationBuilder builder, string name, string command, string workingDirectory, params string[] args)
    {
        var model = AppModel.Of(builder);
        var resource = new ExecutableResource(name, command, Path.GetFullPath(workingDirectory, model.RepositoryRoot));
        resource.ExtraArguments.AddRange(args);
        return model.Add(resource, builder);
    }

    /// <summary>Gives this resource the variables that reach <paramref name="source"/> (endpoint, service discovery, credentials).</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> source) where T : Resource
    {
        if (source.Resource is not IResourceWithReferenceEnvironment referenced)
        {
            throw new ArgumentException($"Resource '{source.Resource.Name}' cannot be referenced: it offers no endpoint.", nameof(source));
        }

        if (!builder.Resource.References.Contains(referenced)) builder.Resource.References.Add(referenced);
        return builder;
    }

    /// <summary>Starts this resource only once <paramref name="dependency"/> is Running and Healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency) where T : Resource =>
        builder.AddWait(dependency, WaitKind.Ready);

    /// <summary>Starts this resource only once <paramref name="dependency"/> has exited with code 0 (Finished).</summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency) where T : Resource =>
        builder.AddWait(dependency, WaitKind.Completion);

    /// <summary>The project is Healthy (and ready for those that wait for it) when GET <paramref name="path"/> answers 200.</summary>
    public static IResourceBuilder<ProjectResource> WithHttpHealthCheck(this IResourceBuilder<ProjectResource> builder, string path)
    {
        if (!path.StartsWith('/')) throw new ArgumentException("A health check path starts with '/'.", nameof(path));
        builder.Resource.HealthCheckPath = path;
        return builder;
    }

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args) where T : Resource
    {
        builder.Resource.ExtraArguments.AddRange(args);
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value) where T : Resource
    {
        builder.Resource.EnvironmentCallbacks.Add(environment => environment[name] = value);
        return builder;
    }

    /// <summary>Runs the project in <paramref name="workingDirectory"/> (relative to the repository root) instead of its default.</summary>
    public static IResourceBuilder<ProjectResource> WithWorkingDirectory(this IResourceBuilder<ProjectResource> builder, string workingDirectory)
    {
        builder.Resource.WorkingDirectory = Path.GetFullPath(workingDirectory, AppModel.Of(builder.ApplicationBuilder).RepositoryRoot);
        return builder;
    }

    private static IResourceBuilder<T> AddWait<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, WaitKind kind) where T : Resource
    {
        var resource = dependency.Resource as Resource
            ?? throw new ArgumentException($"Resource '{dependency.Resource.Name}' is not from this application.", nameof(dependency));
        if (ReferenceEquals(resource, builder.Resource)) throw new ArgumentException($"Resource '{resource.Name}' cannot wait for itself.", nameof(dependency));
        builder.Resource.Waits.Add(new WaitDependency(resource, kind));
        return builder;
    }
}
