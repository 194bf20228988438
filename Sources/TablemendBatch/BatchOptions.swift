import Foundation
import Tablemend

/// How a batch runs: what it converts, with what, on how many workers, and who hears of its
/// progress.
public struct BatchOptions: Sendable {
  /// Converts one file's bytes; `path` names the source in the document and in errors.
  public typealias Convert =
    @Sendable (_ data: Data, _ path: String) throws(ConversionError) ->
    Document

  /// Files converted at once; defaults to the number of active cores.
  public var jobs: Int
  /// Which files of the walked folders are taken.
  public var walker: InputWalker
  /// Largest input read, in bytes; larger files fail without being read.
  public var maxInputBytes: Int
  /// The conversion; by default `Converter().convert(data:path:)`.
  public var convert: Convert
  /// Called after each input, in path order, on the task that writes the outputs.
  public var progress: (@Sendable (BatchProgress) -> Void)?
  /// Drop earlier documents whose files no longer exist (otherwise every earlier document of
  /// a file not among this run's inputs is kept).
  public var prune = false

  /// Options that convert with `converter`.
  public init(
    converter: Converter = Converter(), jobs: Int? = nil, walker: InputWalker = InputWalker(),
    progress: (@Sendable (BatchProgress) -> Void)? = nil
  ) {
    self.init(
      jobs: jobs, walker: walker, maxInputBytes: converter.options.limits.maxInputBytes,
      progress: progress
    ) { (data, path) throws(ConversionError) in
      try converter.convert(data: data, path: path)
    }
  }

  /// Options with a conversion of your own (tests, or a customised pipeline).
  public init(
    jobs: Int? = nil, walker: InputWalker = InputWalker(),
    maxInputBytes: Int = Limits.standard.maxInputBytes,
    progress: (@Sendable (BatchProgress) -> Void)? = nil, convert: @escaping Convert
  ) {
    self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    self.walker = walker
    self.maxInputBytes = maxInputBytes
    self.convert = convert
    self.progress = progress
  }
}
