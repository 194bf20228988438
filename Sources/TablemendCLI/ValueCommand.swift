import ArgumentParser
import Foundation
import Tablemend
import TablemendValues

/// `tablemend value TEXT...`: one compact JSON `Value` per argument, one per line.
struct ValueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "value",
    abstract: "Normalise indicator values into typed JSON values.",
    discussion: """
      Prints one JSON value per argument, one per line. With no argument, or the argument \
      `-`, values are read from standard input, one per line. In arguments and in input lines \
      alike, the two characters \\n stand for a line break inside a value.

      Examples:
        tablemend value '大于等于100%' '不少于3次' '3-5个' '年底前'
        cut -f5 indicators.tsv | tablemend value
      """)

  @Argument(help: "Indicator values, or - (or nothing) to read them from standard input.")
  var texts: [String] = []

  @Option(
    name: .customLong("benchmark"),
    help: ArgumentHelp(
      "Normalise this many values from the inputs, cycling, and print the time.",
      visibility: .hidden))
  var benchmark: Int?

  func run() throws {
    if let n = benchmark {
      try runBenchmark(n)
      return
    }
    var out = Data()
    for text in texts.isEmpty ? ["-"] : texts {
      if text == "-" {
        while let line = readLine(strippingNewline: true) {
          try emit(Self.unescape(line), into: &out)
          if out.count > 1 << 16 { flush(&out) }
        }
      } else {
        // A shell passes "每月\n月初" as the two characters \ and n: read them as a line break
        // here too (no indicator value means a literal backslash-n).
        try emit(Self.unescape(text), into: &out)
      }
    }
    flush(&out)
  }

  /// Times `ValueParser.parse` over `n` values taken in turn from the inputs (no JSON output).
  private func runBenchmark(_ n: Int) throws {
    var inputs: [String] = []
    for text in texts.isEmpty ? ["-"] : texts {
      if text == "-" {
        while let line = readLine(strippingNewline: true) { inputs.append(Self.unescape(line)) }
      } else {
        inputs.append(text)
      }
    }
    guard !inputs.isEmpty, n > 0 else {
      throw ValidationError("--benchmark needs a positive count and at least one value")
    }
    var kinds = 0
    let clock = ContinuousClock()
    let cpuStart = Self.threadCPUTime()
    let elapsed = clock.measure {
      for k in 0..<n {
        kinds &+= ValueParser.parse(inputs[k % inputs.count]).kind.hashValue & 1
      }
    }
    let cpuMs = (Self.threadCPUTime() - cpuStart) * 1000
    let ms =
      Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    let line = String(
      format:
        "normalised %d values (%d distinct): %.1f ms CPU, %.1f ms wall (%.2f µs/value CPU) [%d]\n",
      n, inputs.count, cpuMs, ms, cpuMs * 1000 / Double(n), kinds & 1)
    FileHandle.standardOutput.write(Data(line.utf8))
  }

  /// This thread's CPU time in seconds (the fair figure on a shared, loaded machine).
  static func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// `\n` written as two characters inside a stdin line means a line break.
  static func unescape(_ line: String) -> String {
    var s = line
    if s.hasSuffix("\r") { s.removeLast() }
    return s.replacingOccurrences(of: "\\n", with: "\n")
  }

  private func emit(_ text: String, into out: inout Data) throws {
    out.append(try JSONOutput.encode(ValueParser.parse(text)))
    out.append(0x0A)
  }

  private func flush(_ out: inout Data) {
    FileHandle.standardOutput.write(out)
    out.removeAll(keepingCapacity: true)
  }
}
