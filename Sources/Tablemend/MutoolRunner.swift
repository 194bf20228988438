import Foundation

/// Runs MuPDF's `mutool draw` as a separate process (MuPDF is AGPL: tablemend never links it)
/// with a wall-clock limit, an address-space limit and a cap on its output.
///
/// The output goes to a file in a private temporary folder that the runner watches; the
/// child is killed when it runs too long or writes too much. stderr is kept for the error.
struct MutoolRunner: Sendable {
  /// Why a run gave no output.
  struct Failure: Error, Sendable {
    var message: String
  }

  /// The `mutool` program, or nil when it is not on `PATH`.
  var executable: String?
  /// Wall-clock limit of one run, in seconds.
  var seconds: Int
  /// Address-space limit of the child, in bytes (`ulimit -v`).
  var memoryBytes: Int
  /// Largest output accepted, in bytes.
  var outputBytes: Int

  init(seconds: Int, memoryBytes: Int, outputBytes: Int, executable: String? = Self.locate()) {
    self.executable = executable
    self.seconds = seconds
    self.memoryBytes = memoryBytes
    self.outputBytes = outputBytes
  }

  /// `mutool` on `PATH` (or `TABLEMEND_MUTOOL` when set), if it is an executable file.
  static func locate() -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let forced = environment["TABLEMEND_MUTOOL"] {
      return FileManager.default.isExecutableFile(atPath: forced) ? forced : nil
    }
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/mutool"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The advice when mutool is missing.
  static let missing =
    "reading PDF needs MuPDF's `mutool`, which is not installed: install mupdf-tools "
    + "(`apt-get install mupdf-tools`, `brew install mupdf-tools`)"

  /// Runs `mutool draw -F format` on `pdf`, writing into `folder`.
  /// - Parameters:
  ///   - format: `stext` or `trace`.
  ///   - options: mutool's `-O` options, if any.
  ///   - pdf: The PDF file.
  ///   - pages: mutool's page list (`3-7,9`), or nil for every page.
  ///   - folder: A private folder for the output and stderr files.
  /// - Returns: What mutool printed.
  /// - Throws: `Failure` when mutool is missing, fails, runs too long or writes too much.
  func draw(
    format: String, options: String? = nil, pdf: URL, pages: String?, folder: URL
  ) throws(Failure) -> (output: Data, warnings: [String]) {
    guard let executable else { throw Failure(message: Self.missing) }
    let output = folder.appendingPathComponent("\(format).xml")
    let errors = folder.appendingPathComponent("\(format).stderr")
    var arguments = [executable, "draw", "-q", "-F", format]
    if let options { arguments += ["-O", options] }
    arguments += ["-o", output.path, pdf.path]
    if let pages { arguments.append(pages) }
    // The limit applies to the shell, which then becomes mutool (`exec`); the child leads a
    // process group of its own, so that a stop reaches anything it started.
    let kilobytes = max(1, memoryBytes / 1024)
    let argv =
      ["/bin/sh", "-c", "ulimit -v \(kilobytes) 2>/dev/null; exec \"$@\"", "sh"] + arguments
    let child: ChildProcess
    do {
      child = try ChildProcess(argv, stderrPath: errors.path)
    } catch {
      throw Failure(message: "cannot start mutool (\(executable)): \(error.message)")
    }
    let start = Date()
    var stopped: String?
    var status = child.poll()
    while status == nil {
      usleep(5_000)
      if Date().timeIntervalSince(start) > Double(seconds) {
        stopped = "mutool took longer than \(seconds) s (maxPDFSeconds) and was stopped"
      } else if Self.size(of: output) > outputBytes {
        stopped =
          "mutool's \(format) output passed \(outputBytes) bytes (maxPDFOutputBytes) and it was "
          + "stopped"
      } else if Self.size(of: errors) > outputBytes {
        stopped =
          "mutool's messages passed \(outputBytes) bytes (maxPDFOutputBytes) and it was stopped"
      }
      if stopped != nil {
        child.kill()
        _ = child.wait()
        break
      }
      status = child.poll()
    }
    if let stopped { throw Failure(message: stopped) }
    let stderr =
      (try? Data(contentsOf: errors)).map {
        String(decoding: $0.prefix(64 << 10), as: UTF8.self)
      } ?? ""
    let lines = Self.lines(stderr, naming: pdf)
    switch status {
    case .signalled(let signal)?:
      throw Failure(
        message:
          "mutool stopped on signal \(signal) (out of its memory limit, "
          + "maxPDFMemoryBytes = \(memoryBytes), or crashed on a broken PDF)")
    case .exited(let code)? where code != 0:
      throw Failure(message: Self.explain(lines, status: code))
    default:
      break
    }
    guard let data = try? Data(contentsOf: output) else {
      throw Failure(message: Self.explain(lines, status: 0))
    }
    guard data.count <= outputBytes else {
      throw Failure(
        message: "mutool's \(format) output is over \(outputBytes) bytes (maxPDFOutputBytes)")
    }
    return (data, lines.filter { $0.hasPrefix("error:") || $0.contains("repair") })
  }

  /// The size of a file, 0 when it does not exist (yet).
  private static func size(of url: URL) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0
  }

  /// mutool's stderr lines without the harmless ICC warning, the temporary path left out.
  static func lines(_ stderr: String, naming pdf: URL) -> [String] {
    stderr.split(whereSeparator: \.isNewline).map {
      $0.replacingOccurrences(of: "'\(pdf.path)'", with: "the file")
        .replacingOccurrences(of: pdf.path, with: "the file")
    }
    .filter { !$0.contains("ICC support is not available") }
  }

  /// A readable reason from mutool's stderr lines.
  static func explain(_ lines: [String], status: Int32) -> String {
    let text = lines.joined(separator: "\n").lowercased()
    if text.contains("password") || text.contains("encrypt") {
      return "the PDF is encrypted and needs a password (not supported)"
    }
    if text.contains("out of memory") || text.contains("malloc") {
      return "mutool ran out of memory (maxPDFMemoryBytes)"
    }
    if status == 126 || status == 127 {
      return "cannot run mutool: \(lines.last ?? "exit status \(status)")"
    }
    let errors = lines.filter { $0.hasPrefix("error:") }
    let reason =
      errors.last(where: { !$0.contains("cannot draw") }) ?? errors.last ?? lines.last
      ?? "mutool exited with status \(status)"
    return "broken or unreadable PDF (mutool \(reason.prefix(300)))"
  }
}
