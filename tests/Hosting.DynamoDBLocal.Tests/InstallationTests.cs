namespace CafeMenu.Hosting.DynamoDBLocal.Tests;

/// <summary>A machine without what DynamoDB Local needs gets one line that says what to install.</summary>
public sealed class InstallationTests : IDisposable
{
    private readonly TempFolder _emptyPath = new();

    public void Dispose() => _emptyPath.Dispose();

    [Fact]
    public void Without_java_on_the_path_the_message_says_which_package_to_install()
    {
        var error = Assert.Throws<DynamoDBLocalMissingException>(() =>
            DynamoDBLocalInstallation.Locate(DynamoDBLocalInstallation.FindRepositoryRoot(), searchPath: _emptyPath.Path));

        Assert.Equal("java was not found on PATH: DynamoDB Local needs a Java runtime 17+ (Debian: apt-get install openjdk-17-jre-headless).", error.Message);
    }

    [Fact]
    public void Without_the_npm_package_and_without_npm_the_message_says_to_install_nodejs_and_npm()
    {
        var java = Path.Combine(_emptyPath.Path, "java");
        File.WriteAllText(java, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(java, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        using var emptyRepository = new TempFolder();

        var error = Assert.Throws<DynamoDBLocalMissingException>(() => DynamoDBLocalInstallation.Locate(emptyRepository.Path, searchPath: _emptyPath.Path));

        Assert.Equal("DynamoDB Local is not installed: npm was not found on PATH: install Node.js and npm (Debian: apt-get install nodejs npm), then build again.", error.Message);
    }

    [Fact]
    public void With_everything_installed_the_jar_the_launcher_and_java_are_found()
    {
        var installation = DynamoDBLocalInstallation.Locate(DynamoDBLocalInstallation.FindRepositoryRoot());

        Assert.True(File.Exists(installation.JarPath), installation.JarPath);
        Assert.True(File.Exists(Path.Combine(installation.LauncherDirectory, DynamoDBLocalInstallation.LauncherClass + ".class")));
        Assert.EndsWith("java", installation.JavaPath, StringComparison.Ordinal);
    }
}
