namespace CafeMenu.Hosting;

/// <summary>
/// A project the AppHost starts. The build generates one class per resource project (Projects.Api, Projects.Web, ...)
/// from Hosting/build/AppHost.targets, as Aspire's AppHost SDK does.
/// </summary>
public interface IProjectMetadata
{
    /// <summary>The project's folder: the content root it runs in.</summary>
    string ProjectDirectory { get; }

    /// <summary>The built assembly, started with <c>dotnet &lt;AssemblyPath&gt;</c>.</summary>
    string AssemblyPath { get; }

    /// <summary>Whether it uses the Web SDK: web projects run in their project folder, console programs in the repository root.</summary>
    bool IsWebProject { get; }
}
