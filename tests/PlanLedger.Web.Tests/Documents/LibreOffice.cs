using System.Diagnostics;

namespace PlanLedger.Web.Tests.Documents;

/// <summary>
/// Opens files with a real reader: LibreOffice headless converts them to PDF (one call for many files, its own
/// profile folder and a time limit), poppler's pdftoppm renders pages to PNG.
/// </summary>
public static class LibreOffice
{
    /// <summary>Converts every file to PDF in <paramref name="outDir"/>; returns the PDF paths in the same order.</summary>
    public static async Task<List<string>> ToPdfAsync(IReadOnlyList<string> files, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var profile = Path.Combine(Path.GetTempPath(), "planledger-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var psi = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            // The GB/T 9704 font names mapped onto the CJK fonts present, as deploy/fonts tells a server to do.
            Directory.CreateDirectory(profile);
            var fontsConf = Path.Combine(profile, "fonts.conf");
            await File.WriteAllTextAsync(fontsConf, $"""
                <?xml version="1.0"?>
                <fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><include>{GongwenFonts}</include></fontconfig>
                """);
            psi.Environment["FONTCONFIG_FILE"] = fontsConf;
            foreach (var a in new[] { "--headless", "--norestore", "--nologo", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", outDir })
                psi.ArgumentList.Add(a);
            foreach (var f in files) psi.ArgumentList.Add(f);
            await RunAsync(psi, TimeSpan.FromMinutes(4));
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
        var pdfs = files.Select(f => Path.Combine(outDir, Path.GetFileNameWithoutExtension(f) + ".pdf")).ToList();
        foreach (var p in pdfs) Assert.True(File.Exists(p), $"LibreOffice did not convert {p}");
        return pdfs;
    }

    /// <summary>deploy/fonts/65-planledger-gongwen.conf of this repository.</summary>
    public static string GongwenFonts { get; } = FindConf();

    private static string FindConf()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "fonts", "65-planledger-gongwen.conf");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("deploy/fonts/65-planledger-gongwen.conf not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Renders the first <paramref name="pages"/> pages to PNG (<c>prefix-1.png</c>, …) at <paramref name="dpi"/>.</summary>
    public static async Task<List<string>> ToPngAsync(string pdf, string prefix, int pages = 2, int dpi = 60)
    {
        var psi = new ProcessStartInfo("pdftoppm") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", pages.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, prefix })
            psi.ArgumentList.Add(a);
        await RunAsync(psi, TimeSpan.FromMinutes(1));
        var dir = Path.GetDirectoryName(prefix)!;
        return Directory.GetFiles(dir, Path.GetFileName(prefix) + "-*.png").OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    private static async Task RunAsync(ProcessStartInfo psi, TimeSpan limit)
    {
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limit);
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{psi.FileName} did not finish within {limit}");
        }
        Assert.True(p.ExitCode == 0, $"{psi.FileName} exited {p.ExitCode}: {await stdout} {await stderr}");
    }

    /// <summary>The folder kept after the run for people to look at (bin/…/TestResults/documents).</summary>
    public static string Artefacts(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "documents", name);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
