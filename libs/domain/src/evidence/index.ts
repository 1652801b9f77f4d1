export * from './evidence-facts';
export * from './playbooks';
