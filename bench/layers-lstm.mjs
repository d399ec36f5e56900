// The in-repo reference LSTM for `pnpm bench:train`: tfjs-layers' LSTM layer inside a
// representation, so that ImplicitSequenceModel trains it with exactly the training step of
// the `lstm` representation (same embeddings, scoring, loss, sampler and Adam).

/**
 * Builds the representation class on the given modules (the bench loads them from the built
 * packages of a chosen checkout).
 */
export function defineLayersLstm({ tf, tfl, DotProductRepresentation }) {
  return class LayersLstmRepresentation extends DotProductRepresentation {
    constructor(context) {
      super(context);
      this.config = { name: 'tfjs-layers-lstm', options: {} };
      const dim = context.embeddingDim;
      // PyTorch's initialisation, as `lstm` has it: uniform(±1/√H) for every weight and no
      // forget-gate bias of 1. (The default orthogonal recurrent initialiser also needs
      // tfjs-core's chained ops, which the Node bundle of tfjs-core does not register.)
      const bound = 1 / Math.sqrt(dim);
      const uniform = () => tfl.initializers.randomUniform({ minval: -bound, maxval: bound });
      this.lstm = tfl.layers.lstm({
        units: dim,
        returnSequences: true,
        // tf.layers.lstm defaults to the hard sigmoid; PyTorch and `lstm` use the logistic one.
        recurrentActivation: 'sigmoid',
        kernelInitializer: uniform(),
        recurrentInitializer: uniform(),
        biasInitializer: uniform(),
        unitForgetBias: false,
      });
      // Applying the layer once builds its weights (and marks it built, which build() alone
      // does not).
      tf.tidy(() => void this.lstm.apply(tf.zeros([1, 1, dim])));
      this.variables = this.lstm.trainableWeights.map((weight) => weight.read());
    }

    /** As the `lstm` representation: a zero step first, states before each position. */
    encode(itemIds) {
      return tf.tidy(() => {
        const [batch, length] = itemIds.shape;
        const dim = this.stateSize;
        const embedded = this.context.itemEmbedding.lookup(itemIds); // [B, L, D]
        const inputs = tf.concat([tf.zeros([batch, 1, dim]), embedded], 1);
        const outputs = this.lstm.apply(inputs); // [B, L + 1, D]
        const states = tf.slice(outputs, [0, 0, 0], [batch, length, dim]);
        const final = tf.reshape(tf.slice(outputs, [0, length, 0], [batch, 1, dim]), [batch, dim]);
        return { states, final };
      });
    }

    dispose() {
      this.lstm.dispose();
    }
  };
}
