namespace CafeMenu.Hosting;

/// <summary>Orders resources by their dependencies (waits and references), for validation and for shutdown.</summary>
internal static class ResourceGraph
{
    /// <summary>Throws <see cref="DistributedApplicationException"/> on a dependency on an unknown resource or a cycle.</summary>
    public static void Validate(IReadOnlyList<Resource> resources)
    {
        foreach (var resource in resources)
        {
            foreach (var dependency in resource.Dependencies)
            {
                if (!resources.Contains(dependency))
                {
                    throw new DistributedApplicationException($"{resource.Name} depends on '{dependency.Name}', which was not added to this application.");
                }
            }
        }

        Levels(resources);
    }

    /// <summary>
    /// Depth of each resource: 0 without dependencies, else one more than its deepest dependency.
    /// Stopping from the deepest level down stops every dependent before what it depends on.
    /// </summary>
    public static IReadOnlyDictionary<Resource, int> Levels(IReadOnlyList<Resource> resources)
    {
        var levels = new Dictionary<Resource, int>();
        var visiting = new List<Resource>();

        int Visit(Resource resource)
        {
            if (levels.TryGetValue(resource, out var known)) return known;
            if (visiting.Contains(resource))
            {
                var cycle = visiting.SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
                throw new DistributedApplicationException($"The resources depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
            }

            visiting.Add(resource);
            var level = resource.Dependencies.Select(d => Visit(d) + 1).DefaultIfEmpty(0).Max();
            visiting.Remove(resource);
            levels[resource] = level;
            return level;
        }

        foreach (var resource in resources) Visit(resource);
        return levels;
    }

    /// <summary>Groups to stop one after the other; the resources of one group stop in parallel.</summary>
    public static IReadOnlyList<IReadOnlyList<Resource>> ShutdownOrder(IReadOnlyList<Resource> resources) =>
        [.. Levels(resources).GroupBy(pair => pair.Value, pair => pair.Key).OrderByDescending(g => g.Key).Select(g => (IReadOnlyList<Resource>)[.. g])];
}
