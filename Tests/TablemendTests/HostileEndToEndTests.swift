import Foundation
import Testing

@testable import Tablemend

#if canImport(Glibc)
  import Glibc
#endif

/// The built `tablemend` binary the end-to-end tests run.
enum BuiltBinary {
  /// `tablemend` next to the test bundle, or in the package's `.build`; nil when not built.
  static let tablemend: URL? = {
    var places = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    if let executable = Bundle.main.executableURL {
      places.append(executable.deletingLastPathComponent())
    }
    places.append(packageRoot.appendingPathComponent(".build/debug"))
    places.append(packageRoot.appendingPathComponent(".build/release"))
    return places.map { $0.appendingPathComponent("tablemend") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()
}

/// The command-line contract on hostile input: the built `tablemend` binary ends every file
/// (a 60 s guard against hangs: timings are not asserted here, `tools/hostile-check.sh` checks
/// the 10 s budget on a release build) under 500 MiB, with a non-zero exit and one stderr line naming the file (or
/// exit 0, a JSON document and a silent stderr), never a signal, and no byte of a local marker
/// file in its output. Skipped with a message when the binary is not built.
@Suite(
  .serialized,
  .enabled(if: BuiltBinary.tablemend != nil, "needs the built tablemend binary (swift build)")
)
struct HostileEndToEndTests {
  /// `tablemend` next to the test bundle, or in the package's `.build`.
  static let binary = BuiltBinary.tablemend

  struct Run {
    var status: Int32
    var signalled: Bool
    var timedOut: Bool
    var stdout: Data
    var stderr: String
    /// Peak resident size of this run (the child and any child of its own), in MiB.
    var peakMiB: Int
  }

  /// Runs `tablemend convert FILE` under GNU `time` and `timeout` (killed after 60 s). `time`
  /// reports the peak of its own child: a process spawned from the test process itself would
  /// count the test process's size too (the kernel keeps the pre-`exec` peak), and the test
  /// process's `RUSAGE_CHILDREN` mixes in other tests' children (a browser).
  static func run(_ binary: URL, _ file: URL, in dir: URL) throws -> Run {
    let out = dir.appendingPathComponent("stdout")
    let err = dir.appendingPathComponent("stderr")
    let peak = dir.appendingPathComponent("peak")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    process.arguments = [
      "-f", "%M", "-o", peak.path, "timeout", "-s", "KILL", "60", binary.path, "convert",
      file.path,
    ]
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    // `time` writes `Command terminated by signal N` or `Command exited with non-zero status N`
    // before the peak in KiB.
    let report = (try? String(contentsOf: peak, encoding: .utf8)) ?? ""
    let lines = report.split(separator: "\n")
    let killed = lines.contains { $0.hasPrefix("Command terminated by signal") }
    let kib = lines.last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
    let status = process.terminationStatus
    return Run(
      status: killed ? status - 128 : status,
      signalled: killed && status != 128 + SIGKILL, timedOut: status == 128 + SIGKILL,
      stdout: (try? Data(contentsOf: out)) ?? Data(),
      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "",
      peakMiB: kib / 1024)
  }

  @Test func everyHostileFileEndsCleanlyThroughTheCLI() throws {
    let binary = try #require(Self.binary)
    let dir = try TemporaryDirectory()
    let inputs = dir.url.appendingPathComponent("inputs")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: HostileCorpusTests.hostile.path)
    {
      try FileManager.default.copyItem(
        at: HostileCorpusTests.hostile.appendingPathComponent(name),
        to: inputs.appendingPathComponent(name))
    }
    let secret = "tablemend-marker-\(UInt64.random(in: 1...UInt64.max))"
    let marker = dir.url.appendingPathComponent("marker.txt")
    try Data(secret.utf8).write(to: marker)
    let generated: [(String, Data)] = [
      ("xxe-marker.xml", HostileInputs.externalEntity(marker.path)),
      ("zip-bomb.docx", HostileInputs.zipBomb(matches: 1_000_000)),
      ("zip-bomb-understated.docx", HostileInputs.zipBomb(matches: 600_000, declaring: 1024)),
      ("long-line.txt", HostileInputs.longLine(80 << 20)),
      ("deep-nesting.xml", HostileInputs.deepNesting(50_000)),
      ("many-entries.docx", HostileInputs.manyEntries(20_000)),
    ]
    for (name, data) in generated { try data.write(to: inputs.appendingPathComponent(name)) }
    let hostname = ((try? String(contentsOfFile: "/etc/hostname", encoding: .utf8)) ?? "")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let names = try FileManager.default.contentsOfDirectory(atPath: inputs.path).sorted()
    #expect(names.count > 20)
    for name in names {
      let file = inputs.appendingPathComponent(name)
      let run = try Self.run(binary, file, in: dir.url)
      #expect(!run.timedOut, "\(name): still running after 60 s")
      #expect(!run.signalled, "\(name): killed by signal \(run.status)")
      let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      if run.status == 0 {
        #expect(run.stderr.isEmpty, "\(name): \(run.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: run.stdout)) != nil, "\(name)")
      } else {
        #expect(run.status == 1, "\(name): exit \(run.status)")
        #expect(lines.count == 1, "\(name): \(run.stderr)")
        #expect(run.stderr.hasPrefix("tablemend: \(file.path)"), "\(name): \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(name)")
      }
      #expect(run.peakMiB < 500, "\(name): peak \(run.peakMiB) MiB")
      let output = String(decoding: run.stdout, as: UTF8.self) + run.stderr
      #expect(!output.contains(secret), "\(name): marker file leaked")
      if hostname.count >= 6 {
        #expect(!output.contains(hostname), "\(name): /etc/hostname leaked")
      }
    }
  }

  @Test func limitOptionOverridesADefault() throws {
    let binary = try #require(Self.binary)
    let seed = packageRoot.appendingPathComponent("corpus/seeds/000_8ec80c4d32cadcc0.txt")
    let process = Process()
    process.executableURL = binary
    process.arguments = ["convert", "--limit", "maxInputBytes=1K", seed.path]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(message.contains("over the input limit of 1024 (maxInputBytes)"), "\(message)")
  }
}
