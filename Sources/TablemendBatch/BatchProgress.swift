import Foundation

/// What happened to one input, reported to the progress callback in path order.
public enum BatchEvent: Sendable, Hashable {
  case converted(path: String)
  case skipped(path: String)
  case failed(BatchFailure)
}

/// A batch's progress after one more input: the callback's argument.
public struct BatchProgress: Sendable, Hashable {
  /// Inputs finished (converted, skipped or failed).
  public var done: Int
  /// Inputs found.
  public var total: Int
  /// Seconds since conversion started.
  public var elapsed: Double
  /// What happened to the input just finished.
  public var event: BatchEvent

  /// Makes a progress value.
  public init(done: Int, total: Int, elapsed: Double, event: BatchEvent) {
    self.done = done
    self.total = total
    self.elapsed = elapsed
    self.event = event
  }

  /// Files per second so far.
  public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }

  /// Seconds left at the current rate, or nil before the rate is known.
  public var remaining: Double? {
    guard rate > 0 else { return nil }
    return Double(total - done) / rate
  }

  /// A progress bar for a terminal line: `[#####·····]  512/1000  48%  213 files/s  ETA 0:02`.
  /// - Parameter width: the number of cells of the bar.
  public func bar(width: Int = 24) -> String {
    let fraction = total > 0 ? Double(done) / Double(total) : 1
    let filled = min(width, max(0, Int((fraction * Double(width)).rounded(.down))))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    let percent = Int((fraction * 100).rounded(.down))
    return "[\(bar)] \(done)/\(total) \(percent)% \(rateText) ETA \(etaText)"
  }

  /// A plain log line for a non-terminal stderr: `tablemend: 512/1000 files, 213 files/s, ETA 0:02`.
  public var line: String {
    "tablemend: \(done)/\(total) files, \(rateText), ETA \(etaText)"
  }

  private var rateText: String { String(format: "%.0f files/s", rate) }

  private var etaText: String {
    guard let remaining else { return "--:--" }
    return BatchProgress.clock(remaining)
  }

  /// `m:ss`, or `h:mm:ss` from an hour up.
  public static func clock(_ seconds: Double) -> String {
    let total = max(0, Int(seconds.rounded(.up)))
    let h = total / 3600
    let m = (total % 3600) / 60
    let s = total % 60
    if h > 0 { return String(format: "%d:%02d:%02d", h, m, s) }
    return String(format: "%d:%02d", m, s)
  }
}
