using System.ComponentModel;
using System.Diagnostics;

namespace PlanLedger.Documents.Readers;

/// <summary>
/// Converts legacy and foreign office files (.doc, .wps, .rtf, .odt → .docx; .et, .ods → .xlsx) with LibreOffice
/// (<c>soffice --headless --convert-to</c>), sandboxed: a fresh temporary folder per file holding the input, the
/// output and LibreOffice's own user profile (<c>-env:UserInstallation</c>, HOME pointed there too), a time limit
/// after which the whole process tree is killed, and the folder deleted afterwards. Without LibreOffice the error
/// says how to install it. <c>PLANLEDGER_SOFFICE</c> names the executable when it is not on the PATH.
/// </summary>
internal static class LibreOfficeConverter
{
    /// <summary>Inside the import worker's 60 s wall-clock limit, so that a stuck conversion gets its own message.</summary>
    public static TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>The converted file's bytes (<paramref name="target"/>: "docx" or "xlsx").</summary>
    public static byte[] Convert(byte[] bytes, string inputExtension, string target, string what)
    {
        var soffice = Find() ?? throw Missing(what, target);
        var dir = Directory.CreateTempSubdirectory("planledger-lo-");
        try
        {
            var input = Path.Combine(dir.FullName, "input" + inputExtension);
            var output = Path.Combine(dir.FullName, "out");
            var profile = Path.Combine(dir.FullName, "profile");
            File.WriteAllBytes(input, bytes);
            var psi = new ProcessStartInfo(soffice)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                WorkingDirectory = dir.FullName,
            };
            foreach (var a in new[]
                     {
                         "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                         "-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri, "--convert-to", target, "--outdir", output, input,
                     })
                psi.ArgumentList.Add(a);
            psi.Environment["HOME"] = dir.FullName;
            psi.Environment["TMPDIR"] = dir.FullName;

            using var p = new Process { StartInfo = psi };
            try { p.Start(); }
            catch (Win32Exception) { throw Missing(what, target); }
            p.StandardInput.Close();
            var drainOut = p.StandardOutput.ReadToEndAsync();
            var drainErr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeLimit))
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                p.WaitForExit(5000);
                throw new DocumentReadException("convert-timeout", $"LibreOffice 转换{what}超时（超过 {TimeLimit.TotalSeconds:0} 秒），文件可能已损坏",
                    $"LibreOffice did not convert the {what} within {TimeLimit.TotalSeconds:0} s; the file may be damaged");
            }
            Task.WaitAll([drainOut, drainErr], TimeSpan.FromSeconds(5));
            var result = Path.Combine(output, "input." + target);
            if (p.ExitCode != 0 || !File.Exists(result))
                throw new DocumentReadException("convert-failed", $"LibreOffice 无法转换该{what}，文件可能已损坏",
                    $"LibreOffice could not convert the {what}; the file may be damaged");
            return File.ReadAllBytes(result);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>soffice from PLANLEDGER_SOFFICE, the PATH, or LibreOffice's usual install folders.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("PLANLEDGER_SOFFICE") is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : null;
        var names = OperatingSystem.IsWindows() ? new[] { "soffice.exe" } : ["soffice", "libreoffice"];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var n in names)
                if (File.Exists(Path.Combine(dir, n))) return Path.Combine(dir, n);
        foreach (var candidate in new[] { "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice", @"C:\Program Files\LibreOffice\program\soffice.exe" })
            if (File.Exists(candidate)) return candidate;
        return null;
    }

    private static DocumentReadException Missing(string what, string target) =>
        new("legacy-doc",
            $"读取{what}需要 LibreOffice，本机未安装：请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui），或另存为 .{target} 后再导入",
            $"reading the {what} needs LibreOffice, which is not installed: install it (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui) or save the file as .{target} and import again");
}
