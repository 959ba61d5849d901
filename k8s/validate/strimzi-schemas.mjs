// JSON Schemas for the Strimzi custom resources PriceWar uses (kafka.strimzi.io/v1beta2).
// Written by hand from Strimzi's API reference, for the fields these manifests use, because the
// operator's CRDs cannot be fetched here. Unknown spec fields are errors, so a typo fails too.

const labelsWithCluster = {
  type: "object",
  required: ["labels"],
  properties: {
    labels: {
      type: "object",
      required: ["strimzi.io/cluster"],
      properties: { "strimzi.io/cluster": { type: "string", minLength: 1 } },
    },
  },
};

const config = {
  type: "object",
  additionalProperties: { type: ["string", "number", "boolean"] },
};

export const strimziSchemas = {
  "kafka.strimzi.io/v1beta2/Kafka": {
    type: "object",
    required: ["metadata", "spec"],
    properties: {
      spec: {
        type: "object",
        required: ["kafka"],
        additionalProperties: false,
        properties: {
          kafka: {
            type: "object",
            required: ["listeners"],
            additionalProperties: false,
            properties: {
              version: { type: "string", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+$" },
              listeners: {
                type: "array",
                minItems: 1,
                items: {
                  type: "object",
                  required: ["name", "port", "type", "tls"],
                  additionalProperties: false,
                  properties: {
                    name: { type: "string", pattern: "^[a-z0-9]{1,11}$" },
                    port: { type: "integer", minimum: 9092 },
                    type: { enum: ["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"] },
                    tls: { type: "boolean" },
                  },
                },
              },
              config,
            },
          },
          entityOperator: {
            type: "object",
            additionalProperties: false,
            properties: { topicOperator: { type: "object" }, userOperator: { type: "object" } },
          },
        },
      },
    },
  },
  "kafka.strimzi.io/v1beta2/KafkaNodePool": {
    type: "object",
    required: ["metadata", "spec"],
    properties: {
      metadata: labelsWithCluster,
      spec: {
        type: "object",
        required: ["replicas", "roles", "storage"],
        additionalProperties: false,
        properties: {
          replicas: { type: "integer", minimum: 0 },
          roles: { type: "array", minItems: 1, uniqueItems: true, items: { enum: ["controller", "broker"] } },
          storage: {
            type: "object",
            required: ["type"],
            properties: {
              type: { enum: ["ephemeral", "persistent-claim", "jbod"] },
              size: { type: "string", pattern: "^[0-9]+(Mi|Gi|Ti)$" },
              deleteClaim: { type: "boolean" },
            },
          },
          resources: { type: "object" },
        },
      },
    },
  },
  "kafka.strimzi.io/v1beta2/KafkaTopic": {
    type: "object",
    required: ["metadata", "spec"],
    properties: {
      metadata: labelsWithCluster,
      spec: {
        type: "object",
        required: ["partitions", "replicas"],
        additionalProperties: false,
        properties: {
          topicName: { type: "string", minLength: 1 },
          partitions: { type: "integer", minimum: 1 },
          replicas: { type: "integer", minimum: 1, maximum: 32767 },
          config,
        },
      },
    },
  },
};
