using ApartiumChat.Scenarios.Running;

namespace ApartiumChat.Scenarios.Tests.Running;

public sealed class ScenarioResolverTests
{
    private string _root = "";

    [SetUp]
    public void CreateTree()
    {
        _root = Path.Combine(Path.GetTempPath(), "apartium-resolver-" + TestContext.CurrentContext.Test.ID);
        Directory.CreateDirectory(Path.Combine(_root, "scenarios"));
        Directory.CreateDirectory(Path.Combine(_root, "src", "deep"));
        File.WriteAllText(Path.Combine(_root, "scenarios", "crash-primary.json"), "{}");
        File.WriteAllText(Path.Combine(_root, "scenarios", "cascade.json"), "{}");
        File.WriteAllText(Path.Combine(_root, "scenarios", "scenario.schema.json"), "{}");
        File.WriteAllText(Path.Combine(_root, "mine.json"), "{}");
    }

    [TearDown]
    public void RemoveTree() => Directory.Delete(_root, recursive: true);

    [TestCase("crash-primary")]
    [TestCase("crash-primary.json")]
    public void BareName_IsFoundInScenariosOfTheCurrentDirectory(string argument)
    {
        var found = ScenarioResolver.Resolve(argument, _root);

        Assert.That(found.Found, Is.True, found.Error);
        Assert.That(found.FullPath, Is.EqualTo(Path.Combine(_root, "scenarios", "crash-primary.json")));
        Assert.That(found.DisplayPath, Is.EqualTo(Path.Combine("scenarios", "crash-primary.json")));
    }

    [Test]
    public void BareName_IsFoundInScenariosOfAParent()
    {
        var found = ScenarioResolver.Resolve("cascade", Path.Combine(_root, "src", "deep"));

        Assert.That(found.FullPath, Is.EqualTo(Path.Combine(_root, "scenarios", "cascade.json")));
        Assert.That(found.DisplayPath, Is.EqualTo(found.FullPath), "outside the current directory, the full path is shown");
    }

    [Test]
    public void Path_IsTakenAsGiven()
    {
        Assert.That(ScenarioResolver.Resolve("mine.json", _root).FullPath, Is.EqualTo(Path.Combine(_root, "mine.json")));
        Assert.That(ScenarioResolver.Resolve("scenarios/cascade.json", _root).DisplayPath, Is.EqualTo(Path.Combine("scenarios", "cascade.json")));
        Assert.That(ScenarioResolver.Resolve(Path.Combine(_root, "mine.json"), "/").FullPath, Is.EqualTo(Path.Combine(_root, "mine.json")));
    }

    [Test]
    public void UnknownName_ListsTheShippedScenarios()
    {
        var missing = ScenarioResolver.Resolve("crash-primery", _root);

        Assert.That(missing.Found, Is.False);
        Assert.That(missing.Error, Is.EqualTo(
            $"no scenario 'crash-primery': not a file, nor in scenarios/ of {_root} or its parents; shipped scenarios ({Path.Combine(_root, "scenarios")}): cascade, crash-primary"));
    }

    [Test]
    public void MissingPath_ListsTheShippedScenarios()
    {
        Assert.That(ScenarioResolver.Resolve("nowhere/x.json", _root).Error, Is.EqualTo(
            $"no scenario file 'nowhere/x.json'; shipped scenarios ({Path.Combine(_root, "scenarios")}): cascade, crash-primary"));
    }

    [Test]
    public void Folder_IsNotAScenario()
    {
        Assert.That(ScenarioResolver.Resolve("src", _root).Error, Does.StartWith("'src' is a folder, not a scenario file"));
    }

    [Test]
    public void Empty_IsRefused()
    {
        Assert.That(ScenarioResolver.Resolve(" ", _root).Error, Is.EqualTo("no scenario given; allowed: a scenario file, or the name of one in scenarios/"));
    }

    [Test]
    public void ShippedNames_LeaveOutTheSchema()
    {
        Assert.That(ScenarioResolver.ShippedNames(Path.Combine(_root, "scenarios")), Is.EqualTo(new[] { "cascade", "crash-primary" }));
    }
}
