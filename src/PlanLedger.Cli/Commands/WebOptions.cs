namespace PlanLedger.Cli.Commands;

/// <summary>Options shared by serve/import/export: --db, --urls and the rest as positional arguments.</summary>
internal sealed record WebOptions(string? Db, string? Urls, List<string> Rest, Dictionary<string, string> Named)
{
    public static WebOptions? Parse(string[] args, TextWriter stderr, string command, params string[] named)
    {
        string? db = null, urls = null;
        var rest = new List<string>();
        var dict = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "--db" or "--urls" || named.Contains(a))
            {
                if (i + 1 >= args.Length)
                {
                    stderr.WriteLine($"planledger {command}: {a} 需要一个值 needs a value");
                    return null;
                }
                var v = args[++i];
                if (a == "--db") db = v; else if (a == "--urls") urls = v; else dict[a] = v;
            }
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                stderr.WriteLine($"planledger {command}: 未知选项 unknown option '{a}'");
                return null;
            }
            else rest.Add(a);
        }
        return new WebOptions(db, urls, rest, dict);
    }

    /// <summary>Arguments for the web host's configuration.</summary>
    public string[] HostArgs()
    {
        var list = new List<string>();
        if (Db is not null) list.Add($"--PlanLedger:Db={Db}");
        list.Add($"--urls={Urls ?? "http://127.0.0.1:5080"}");
        return [.. list];
    }
}
