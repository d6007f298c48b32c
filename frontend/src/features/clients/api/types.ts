export type ClientStatus = 'active' | 'archived';

export type Client = {
  id: string;
  name: string;
  website: string | null;
  industry: string | null;
  contactEmail: string | null;
  notes?: string | null;
  status: ClientStatus;
  createdAt: string;
  updatedAt: string;
  integrationCount: number;
};

export type ClientInput = {
  name: string;
  website?: string;
  industry?: string;
  contactEmail?: string;
  notes?: string;
};

export const clientKeys = {
  all: ['clients'] as const,
  list: (params: object) => ['clients', 'list', params] as const,
  detail: (id: string) => ['clients', 'detail', id] as const,
};
