/** The kafkajs client shared by the producer, the admin and every consumer of one service. */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
/** The MessagingOptions the module was configured with. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
